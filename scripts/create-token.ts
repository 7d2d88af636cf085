import { createApiToken } from '../app/utils/api-token.server'
import { findUserByEmail } from '../app/utils/user.server'
import { runCli } from './cli'

// npm run token:create -- <email> [token name]
await runCli(async ([email, ...nameWords]) => {
  if (!email) {
    console.error('usage: npm run token:create -- <email> [token name]')
    return 2
  }
  const user = await findUserByEmail(email)
  if (!user) {
    console.error(`no user with email ${email}`)
    return 1
  }
  const token = await createApiToken({ userId: user.id, name: nameWords.join(' ') || 'command line' })
  console.log(token.token)
})
