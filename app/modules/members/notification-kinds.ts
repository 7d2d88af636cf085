/** The kinds of notification a person can turn off (the settings page lists them). */
export const NOTIFICATION_KINDS = ['bulletin', 'assistance', 'case', 'forum', 'inspection', 'training', 'certificate'] as const
