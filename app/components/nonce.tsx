import { createContext, useContext } from 'react'

/**
 * The Content-Security-Policy nonce of this page's inline scripts, set by entry.server. In the
 * browser it is empty: browsers hide a nonce from the DOM, and hydration needs no new scripts.
 */
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
