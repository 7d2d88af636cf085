import { Meilisearch } from 'meilisearch'
import { meiliHttpClient } from './http-client'

let client: Meilisearch | undefined
let clientKey = ''

/** One client per (url, key); both come from the environment the server resolved at start. */
export function getMeili() {
  const host = process.env.MEILI_URL
  const apiKey = process.env.MEILI_MASTER_KEY
  if (!host) throw new Error('MEILI_URL is not set: start the services first')
  const key = `${host}|${apiKey}`
  if (!client || clientKey !== key) {
    client = new Meilisearch({ host, apiKey, timeout: 5000, httpClient: meiliHttpClient })
    clientKey = key
  }
  return client
}

export function indexName(base: string) {
  return `${process.env.MEILI_INDEX_PREFIX ?? 'gtac_'}${base}`
}

export const CASES_INDEX = 'cases'
export const casesIndexName = () => indexName(CASES_INDEX)
export const bulletinsIndexName = () => indexName('bulletins')
export const questionsIndexName = () => indexName('questions')
