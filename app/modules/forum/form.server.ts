import { listVehicleModels, listVehicleSystems } from '~/modules/catalogue/catalogue.server'
import { questionInputSchema } from './schema'

/** The editor sends its document as JSON in a hidden field; anything else is taken as text. */
export function editorJson(value: FormDataEntryValue | null) {
  try {
    return JSON.parse(String(value ?? '')) as unknown
  } catch {
    return String(value ?? '')
  }
}

/** The ask/edit form, read into the same input the API takes. */
export function parseQuestionForm(form: FormData) {
  return questionInputSchema.safeParse({
    title: form.get('title') ?? '',
    body: editorJson(form.get('body')),
    model: form.get('model') ?? undefined,
    system: form.get('system') ?? undefined,
    dtcs: String(form.get('dtcs') ?? ''),
    tags: String(form.get('tags') ?? ''),
  })
}

/** The catalogue the forms choose from. */
export async function forumFormOptions() {
  const [models, systems] = await Promise.all([listVehicleModels(), listVehicleSystems()])
  return { models, systems }
}
