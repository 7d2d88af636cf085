import Image from '@tiptap/extension-image'
import StarterKit from '@tiptap/starter-kit'

/** Link targets a case may carry: web pages, mail, and our own attachment URLs. */
export function isSafeUrl(url: string) {
  const trimmed = url.trim()
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return true
  try {
    const { protocol } = new URL(trimmed)
    return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:'
  } catch {
    return false
  }
}

/** Images may only come from our attachment store or the web. */
export function isSafeImageSrc(src: string) {
  return /^\/files\/[\w-]+$/.test(src) || /^https?:\/\//.test(src)
}

/** One extension list for the browser editor and the server's parser and renderer. */
export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      isAllowedUri: (url) => isSafeUrl(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    },
  }),
  Image.configure({ inline: false, allowBase64: false }),
]
