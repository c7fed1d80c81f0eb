/**
 * BullMQ refuses custom job ids that look like integers or contain `:` (our command ids do, e.g.
 * `place:<order>`). The mapping is injective, so distinct message ids stay distinct jobs and the
 * same message id always dedupes against itself.
 */
export function toJobId(messageId: string): string {
  return `m-${messageId.replace(/%/g, '%25').replace(/:/g, '%3A')}`;
}
