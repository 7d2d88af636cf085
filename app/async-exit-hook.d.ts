declare module 'async-exit-hook' {
  const asyncExitHook: { unhookEvent(event: string): void }
  export default asyncExitHook
}
