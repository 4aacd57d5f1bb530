/** Pretty JSON in a <pre>; cheap, for small values (large ones belong in Monaco). */
export function JsonView({ value, label }: { value: unknown; label?: string }) {
  return (
    <pre className="json" aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
