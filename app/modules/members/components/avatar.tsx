/** A member's picture, or the first letter of their name on a coloured disc when there is none. */
export function Avatar({ name, avatarId, size = 64 }: { name: string; avatarId: string | null; size?: number }) {
  const style = { width: size, height: size, fontSize: size * 0.45 }
  if (avatarId) return <img className="avatar" src={`/files/${avatarId}`} alt="" width={size} height={size} style={style} />
  return (
    <span className="avatar avatar--initial" aria-hidden="true" style={style}>
      {Array.from(name.trim())[0]?.toUpperCase() ?? '?'}
    </span>
  )
}
