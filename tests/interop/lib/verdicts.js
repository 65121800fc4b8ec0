// Turns a schema's refusal into a short, stable reason for the report and for assertions.

/** [{ path, code }] of a zod error, zod 3 or zod 4, sorted by path. */
export function issueKeys(error) {
  return error.issues
    .map((issue) => ({ path: issue.path.join('.'), code: issue.code }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function reason(issue, document) {
  const where = `\`${issue.path.join('.')}\``;
  const value = issue.path.reduce((node, key) => node?.[key], document);
  if (issue.code === 'invalid_type' && value === undefined) return `${where} missing (required)`;
  if (issue.code === 'too_small' && Array.isArray(value)) return `${where} must not be empty`;
  if (issue.code === 'invalid_enum_value' || issue.code === 'invalid_value') {
    return `${where} "${value}" is not in its closed list`;
  }
  return `${where}: ${issue.message}`;
}

/** "a; b; c" for the report, in path order. */
export function reasons(error, document) {
  return [...error.issues]
    .sort((a, b) => a.path.join('.').localeCompare(b.path.join('.')))
    .map((issue) => reason(issue, document))
    .join('; ');
}
