import { getSchema, type JSONContent } from '@tiptap/core'
import { DOMParser as ProseMirrorDOMParser, DOMSerializer, Node } from '@tiptap/pm/model'
import { Window } from 'happy-dom'
import { isSafeImageSrc, isSafeUrl, richTextExtensions } from './extensions'

const schema = getSchema(richTextExtensions)
let renderWindow: Window | undefined

/** One script-less happy-dom window serves every parse and render; creating one per call costs ~1 ms. */
function domWindow() {
  renderWindow ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  })
  return renderWindow
}

export const emptyDoc: JSONContent = { type: 'doc', content: [] }

/** Drops links and images whose URL could run script or leave our origin unexpectedly. */
function stripUnsafe(node: JSONContent): JSONContent | null {
  if (node.type === 'image' && !isSafeImageSrc(String(node.attrs?.src ?? ''))) return null
  const marks = node.marks?.filter((mark) => mark.type !== 'link' || isSafeUrl(String(mark.attrs?.href ?? '')))
  const content = node.content?.map(stripUnsafe).filter((child): child is JSONContent => child !== null)
  return { ...node, ...(marks ? { marks } : {}), ...(content ? { content } : {}) }
}

export class RichTextError extends Error {}

/** Checks a document against the editor schema; anything the schema does not know is an error. */
export function parseRichDoc(value: unknown): JSONContent {
  if (!value || typeof value !== 'object' || (value as JSONContent).type !== 'doc') {
    throw new RichTextError('not an editor document')
  }
  try {
    const cleaned = stripUnsafe(value as JSONContent) ?? emptyDoc
    const node = Node.fromJSON(schema, cleaned)
    node.check()
    return node.toJSON() as JSONContent
  } catch (error) {
    throw new RichTextError(`invalid editor document: ${(error as Error).message}`)
  }
}

const looksLikeHtml = (text: string) => /<\/?[a-z][\s\S]*?>/i.test(text)

export function plainTextToDoc(text: string): JSONContent {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  return {
    type: 'doc',
    content: paragraphs.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  }
}

let htmlTemplate: HTMLTemplateElement | undefined
const proseMirrorParser = ProseMirrorDOMParser.fromSchema(schema)

/**
 * Text from the API or an import: old-system HTML becomes schema nodes (unknown tags dropped),
 * plain text becomes paragraphs. HTML is parsed into one reused `<template>` (inert: nothing in
 * it loads or runs), which costs a fraction of parsing a whole new document per field.
 */
export function toRichDoc(value: string | JSONContent): JSONContent {
  if (typeof value !== 'string') return parseRichDoc(value)
  if (!looksLikeHtml(value)) return plainTextToDoc(value)
  htmlTemplate ??= (domWindow().document as unknown as Document).createElement('template')
  htmlTemplate.innerHTML = value
  const doc = proseMirrorParser.parse(htmlTemplate.content as unknown as HTMLElement).toJSON()
  htmlTemplate.innerHTML = ''
  return parseRichDoc(doc)
}

export function richDocToHtml(doc: unknown): string {
  const node = Node.fromJSON(schema, parseRichDoc(doc))
  const document = domWindow().document as unknown as Document
  const wrap = document.createElement('div')
  DOMSerializer.fromSchema(schema).serializeFragment(node.content, { document }, wrap)
  return wrap.innerHTML
}

export function richDocToText(doc: unknown): string {
  return checkedDocText(parseRichDoc(doc))
}

/** The text of a document already checked against the schema (by parseRichDoc or toRichDoc). */
function checkedDocText(doc: JSONContent): string {
  const node = Node.fromJSON(schema, doc)
  return node.textBetween(0, node.content.size, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '')).trim()
}

/**
 * Converts several rich-text fields at once (`convert` returns a checked document: parseRichDoc
 * or toRichDoc): a field that fails the schema or has no text gets an error message, the others
 * their document and its plain text.
 */
export function convertRichFields<F extends string>(fields: readonly F[], convert: (field: F) => JSONContent) {
  const docs = {} as Record<F, JSONContent>
  const texts = {} as Record<F, string>
  const errors: Record<string, string> = {}
  for (const field of fields) {
    try {
      docs[field] = convert(field)
      texts[field] = checkedDocText(docs[field])
      if (!texts[field]) errors[field] = 'required'
    } catch (error) {
      if (!(error instanceof RichTextError)) throw error
      errors[field] = error.message
    }
  }
  return { docs, texts, errors }
}
