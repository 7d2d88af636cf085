import { z } from 'zod'
import { SYSTEM_CODES } from '~/utils/vehicle-schema'
import { PROFILE_LANGUAGE_CODES } from './profile-options'

/** A set of checkboxes: one value or many, each from a known list; one message for the field. */
const list = (values: readonly string[], message: string) =>
  z
    .preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().max(40)).max(values.length * 2))
    .refine((items) => items.every((item) => values.includes(item)), message)
    .transform((items) => [...new Set(items)])

/** The profile form: the name, what one knows and the languages one works in. */
export const profileSchema = z.object({
  name: z.string({ required_error: 'a name is required' }).trim().min(1, 'a name is required').max(60, 'at most 60 characters'),
  expertise: list(SYSTEM_CODES, `a system is one of ${SYSTEM_CODES.join(', ')}`),
  languages: list(PROFILE_LANGUAGE_CODES, `a language is one of ${PROFILE_LANGUAGE_CODES.join(', ')}`),
  removeAvatar: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
})

export type ProfileInput = z.infer<typeof profileSchema>
