/** Where an answer shows: on its question's page, at its anchor (used by pages and notifications). */
export const answerLink = (questionId: string, answerId: string) => `/forum/${questionId}#answer-${answerId}`
