/** Small inline icons for the popup and options page (decorative: always aria-hidden). */
export function LockIcon() {
  return (
    <svg className="icon-lock" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z"
        fill="currentColor"
      />
    </svg>
  );
}

export function ShieldIcon({ size = 22 }: { size?: number }) {
  return (
    <svg className="icon-shield" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d="M12 2 3 5.5v6.2c0 5.1 3.8 9.4 9 10.3 5.2-.9 9-5.2 9-10.3V5.5L12 2Z" fill="currentColor" />
      <path d="m8 12 3 3 5-6" stroke="#fff" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** "Dikelola oleh instansi" with a lock, for a setting the policy fixes. */
export function Locked({ label }: { label: string }) {
  return (
    <span className="locked">
      <LockIcon />
      {label}
    </span>
  );
}
