import { startServices } from '../app/runtime/services.server'
import { disconnectDb } from '../app/utils/db.server'

/**
 * Runs a command-line task against the same DATA_DIR / database as the server: a running
 * embedded instance is reused, otherwise one is started for the task and stopped after it.
 */
export async function runCli(task: (args: string[]) => Promise<number | void>) {
  const log = (line: string) => console.error(line)
  let services: Awaited<ReturnType<typeof startServices>> | undefined
  let exitCode = 0
  const interrupt = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping…`)
    void services?.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
  }
  process.once('SIGINT', interrupt)
  process.once('SIGTERM', interrupt)
  try {
    services = await startServices(log)
    exitCode = (await task(process.argv.slice(2))) ?? 0
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
    exitCode = 1
  } finally {
    await disconnectDb()
    await services?.stop()
  }
  process.exit(exitCode)
}
