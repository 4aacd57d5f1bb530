/**
 * A sampling request as the person sees it, and the reply they edit: the
 * page has no model, so the person writes the assistant's message.
 */
import type { CreateMessageRequestParams, CreateMessageResult } from '@modelcontextprotocol/client';

export interface SamplingReply {
  text: string;
  model: string;
  /** Empty means "not known" and is left out of the result. */
  stopReason: string;
}

/** The standard stop reasons; the field is an open string. */
export const STOP_REASONS = ['endTurn', 'stopSequence', 'maxTokens'] as const;

/** Names the model the server hoped for, when it gave a hint; otherwise says a person answered. */
export function initialReply(params: CreateMessageRequestParams): SamplingReply {
  const hint = params.modelPreferences?.hints?.find((h) => h.name)?.name;
  return { text: '', model: hint ?? 'human', stopReason: 'endTurn' };
}

export function samplingResult(reply: SamplingReply): CreateMessageResult {
  const stopReason = reply.stopReason.trim();
  return {
    role: 'assistant',
    model: reply.model.trim() || 'human',
    content: { type: 'text', text: reply.text },
    ...(stopReason ? { stopReason } : {}),
  };
}

/** The request's settings other than messages and system prompt, as label/value rows. */
export function samplingSettings(params: CreateMessageRequestParams): [string, string][] {
  const rows: [string, string][] = [['Max tokens', String(params.maxTokens)]];
  if (params.temperature !== undefined) rows.push(['Temperature', String(params.temperature)]);
  if (params.stopSequences?.length) rows.push(['Stop sequences', params.stopSequences.map((s) => JSON.stringify(s)).join(', ')]);
  if (params.includeContext) rows.push(['Include context', params.includeContext]);
  const prefs = params.modelPreferences;
  const hints = prefs?.hints?.map((h) => h.name).filter((n): n is string => typeof n === 'string');
  if (hints?.length) rows.push(['Model hints', hints.join(', ')]);
  const priorities = (['cost', 'speed', 'intelligence'] as const).flatMap((p) => {
    const v = prefs?.[`${p}Priority`];
    return v === undefined ? [] : [`${p} ${v}`];
  });
  if (priorities.length) rows.push(['Priorities', priorities.join(', ')]);
  return rows;
}
