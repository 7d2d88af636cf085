/** Languages a member can say they work in. */
export const PROFILE_LANGUAGE_CODES = ['zh', 'en', 'yue', 'de', 'ja', 'ko', 'ru', 'es'] as const
export type ProfileLanguage = (typeof PROFILE_LANGUAGE_CODES)[number]
/** Each shown in its own language, so no translation is needed. */
export const PROFILE_LANGUAGE_NAMES: Record<ProfileLanguage, string> = { zh: '中文', en: 'English', yue: '粤语', de: 'Deutsch', ja: '日本語', ko: '한국어', ru: 'Русский', es: 'Español' }

/** Avatars are small pictures: larger files are refused before they are stored. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp']
