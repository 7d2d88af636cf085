/** What each contribution is worth (shown on the member center, so not server-only). */
export const POINTS = { approvedCase: 10, classicCase: 20, confirmedFix: 2, solvedRequest: 5, acceptedAnswer: 15 } as const
