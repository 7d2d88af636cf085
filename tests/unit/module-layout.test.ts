import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'

// The floors of ../shared/ARCHITECTURE.md "Layout for the modules": a file imports only its
// own floor or those below; modules reach each other only through `*.server.ts`; no cycles.
const root = path.resolve(import.meta.dirname, '../..')
const FLOORS: Array<[RegExp, number, string]> = [
  [/^app\/(utils|i18n|editor|generated)\//, 0, 'kernel'],
  [/^search\//, 1, 'search'],
  [/^app\/components\//, 2, 'shared UI'],
  [/^app\/modules\//, 3, 'modules'],
  [/^app\/(routes|realtime)\/|^app\/(root|entry\.server|entry\.client|load-context)\.tsx?$/, 4, 'routes and realtime'],
  [/^app\/runtime\//, 5, 'runtime'],
  [/^(server\.ts|scripts\/)/, 6, 'entry points'],
]

function floorOf(file: string) {
  const found = FLOORS.find(([pattern]) => pattern.test(file))
  if (!found) throw new Error(`${file} belongs to no floor of the layout`)
  return { rank: found[1], name: found[2] }
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name)
    if (entry.isDirectory()) return relative === 'app/generated' ? [] : sourceFiles(relative)
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [relative] : []
  })
}

function resolveImport(from: string, specifier: string) {
  let base: string
  if (specifier.startsWith('~/')) base = `app/${specifier.slice(2)}`
  else if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
  else return undefined
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}/index.ts`, ...(/\.(ts|tsx|mjs)$/.test(base) ? [base] : [])]) {
    if (fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) return candidate
  }
  return base.startsWith('app/generated/') ? base : undefined
}

const files = [...sourceFiles('app'), ...sourceFiles('search'), ...sourceFiles('scripts'), 'server.ts']
const importsOf = new Map(
  files.map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8')
    const specifiers = [
      ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*\(?\s*['"]([^'"]+)['"]/g),
    ].map((match) => match[1] ?? match[2])
    return [file, specifiers.map((specifier) => resolveImport(file, specifier)).filter((target): target is string => Boolean(target))]
  }),
)
const moduleOf = (file: string) => /^app\/modules\/([^/]+)\//.exec(file)?.[1]

test('every file imports only its own floor or the floors below it', () => {
  const upward = [...importsOf].flatMap(([file, targets]) =>
    targets
      .filter((target) => floorOf(target).rank > floorOf(file).rank)
      .map((target) => `${file} (${floorOf(file).name}) imports ${target} (${floorOf(target).name})`),
  )
  expect(upward).toEqual([])
})

test('modules use each other only through their *.server.ts functions', () => {
  const reachingIn = [...importsOf].flatMap(([file, targets]) =>
    targets
      .filter((target) => moduleOf(target) && moduleOf(file) && moduleOf(target) !== moduleOf(file) && !target.endsWith('.server.ts'))
      .map((target) => `${file} imports ${target}`),
  )
  expect(reachingIn).toEqual([])
})

test('there are no import cycles', () => {
  const cycles: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return
    if (state.get(file) === 'visiting') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '))
      return
    }
    state.set(file, 'visiting')
    for (const target of importsOf.get(file) ?? []) visit(target, [...trail, file])
    state.set(file, 'done')
  }
  for (const file of importsOf.keys()) visit(file, [])
  expect(cycles).toEqual([])
})

test('the layout knows every source file', () => {
  expect(files.length).toBeGreaterThan(50)
  for (const file of files) expect(() => floorOf(file)).not.toThrow()
})

test('a page component uses nothing imported from a *.server.ts file (the browser bundle leaves those out)', () => {
  const offenders = files
    .filter((file) => /^app\/(routes\/.*\.tsx|root\.tsx)$/.test(file))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8')
      const component = text.slice(text.indexOf('export default function'))
      if (!text.includes('export default function')) return []
      const imported = [...text.matchAll(/import\s+\{([^}]*)\}\s+from\s+'[^']+\.server'/g)].flatMap((match) =>
        match[1].split(',').map((name) => name.trim()).filter((name) => name && !name.startsWith('type ')).map((name) => name.split(' as ').pop()!.trim()),
      )
      // A use is the name as code, not inside a string such as a message key.
      return imported.filter((name) => new RegExp(`(?<!['"\`.\\w-])${name}\\b(?!['"\`])`).test(component)).map((name) => `${file}: ${name}`)
    })
  expect(offenders).toEqual([])
})
