import { describe, expect, test } from 'vitest'
import { RichTextError, parseRichDoc, richDocToHtml, richDocToText, toRichDoc } from '../../app/editor/rich-text.server'

describe('rich text from the old system', () => {
  test('script tags and event handlers never survive', () => {
    const html = richDocToHtml(toRichDoc('<p>before<script>alert(1)</script><img src=x onerror="alert(2)">after</p>'))
    expect(html).not.toMatch(/<script|onerror|alert\(1\)/i)
    expect(html).toContain('before')
    expect(html).toContain('after')
  })

  test('javascript: links lose their link, keep their text', () => {
    const html = richDocToHtml(toRichDoc('<p><a href="javascript:alert(1)">click</a> and <a href="https://example.com/x">ok</a></p>'))
    expect(html).not.toContain('javascript:')
    expect(html).toContain('click')
    expect(html).toContain('href="https://example.com/x"')
  })

  test('unknown tags and attributes are dropped, formatting kept', () => {
    const html = richDocToHtml(toRichDoc('<div style="color:red" data-x="1"><marquee>hi</marquee><strong>bold</strong></div>'))
    expect(html).not.toMatch(/marquee|style=|data-x/)
    expect(html).toContain('<strong>bold</strong>')
  })

  test('plain text becomes paragraphs and is not read as HTML', () => {
    const doc = toRichDoc('line one\nline two < 3 & more')
    expect(richDocToText(doc)).toBe('line one\nline two < 3 & more')
    expect(richDocToHtml(doc)).toBe('<p>line one</p><p>line two &lt; 3 &amp; more</p>')
  })
})

describe('editor documents', () => {
  test('a javascript: link mark inside a posted document is removed', () => {
    const doc = parseRichDoc({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }],
    })
    expect(JSON.stringify(doc)).not.toContain('javascript')
  })

  test('nodes the schema does not know are rejected', () => {
    expect(() => parseRichDoc({ type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil' } }] })).toThrow(RichTextError)
  })

  test('images only from our attachment store or the web', () => {
    const doc = parseRichDoc({
      type: 'doc',
      content: [
        { type: 'image', attrs: { src: '/files/abc123' } },
        { type: 'image', attrs: { src: 'data:image/svg+xml;base64,PHN2Zz4=' } },
      ],
    })
    expect(doc.content).toHaveLength(1)
    expect(richDocToHtml(doc)).toContain('src="/files/abc123"')
  })
})
