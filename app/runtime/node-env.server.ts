// Imported first by server.ts: React and Remix choose their production builds from NODE_ENV when
// they load, and `npm start` must not serve the development builds (3-4× slower rendering).
process.env.NODE_ENV ??= process.env.REMIX_DEV_ORIGIN ? 'development' : 'production'
