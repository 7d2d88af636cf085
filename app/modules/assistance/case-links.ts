/** A repair case linked in a message ("…/cases/<id>"): shown as a card in the thread. */
const CASE_LINK = /\/cases\/([A-Za-z0-9-]{20,40})/g

export function caseIdsIn(text: string) {
  return [...text.matchAll(CASE_LINK)].map((match) => match[1])
}
