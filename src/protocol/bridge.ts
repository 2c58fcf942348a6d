// The envelopes between the in-page provider and the content bridge (window.postMessage), and between
// the content bridge and the background (a runtime Port). Every receiver checks them with these guards.
import { isRpcErrorData, type RpcErrorData } from './eip1193';

/** Larger requests are refused at the bridge, before they reach the background. */
export const MAX_REQUEST_BYTES = 1_000_000;

/** No method of any wallet standard is this long; longer names are refused before they are sent. */
export const MAX_METHOD_LENGTH = 100;

export const TO_CONTENT = 'shareholder-wallet:to-content';
export const TO_PAGE = 'shareholder-wallet:to-page';
export const PORT_NAME = 'shareholder-wallet:dapp';

export interface RpcRequest {
  method: string;
  params?: unknown;
}

/** page → content */
export interface PageRequestEnvelope {
  target: typeof TO_CONTENT;
  id: string;
  request: RpcRequest;
}

export type RpcOutcome = { result: unknown } | { error: RpcErrorData };

/** The events the wallet sends to every connected page of an origin (EIP-1193 §Events). */
export type ProviderEvent =
  | { name: 'connect'; data: { chainId: string } }
  | { name: 'disconnect'; data: RpcErrorData }
  | { name: 'chainChanged'; data: string }
  | { name: 'accountsChanged'; data: string[] };

/** content → page */
export type PageReplyEnvelope =
  | { target: typeof TO_PAGE; id: string; outcome: RpcOutcome }
  | { target: typeof TO_PAGE; event: ProviderEvent };

/** content → background over the Port */
export interface PortRequest {
  id: string;
  request: RpcRequest;
}

/** background → content over the Port */
export type PortMessage = { id: string; outcome: RpcOutcome } | { event: ProviderEvent };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRpcRequest(value: unknown): value is RpcRequest {
  return isRecord(value) && typeof value.method === 'string' && value.method.length > 0 && value.method.length <= MAX_METHOD_LENGTH;
}

export function isPageRequestEnvelope(value: unknown): value is PageRequestEnvelope {
  return isRecord(value) && value.target === TO_CONTENT && typeof value.id === 'string' && value.id.length <= 100 && isRpcRequest(value.request);
}

export function isPortRequest(value: unknown): value is PortRequest {
  return isRecord(value) && typeof value.id === 'string' && value.id.length <= 100 && isRpcRequest(value.request);
}

function isOutcome(value: unknown): value is RpcOutcome {
  return isRecord(value) && ('result' in value || ('error' in value && isRpcErrorData(value.error)));
}

const EVENT_NAMES = new Set(['connect', 'disconnect', 'chainChanged', 'accountsChanged']);

function isEvent(value: unknown): value is ProviderEvent {
  return isRecord(value) && typeof value.name === 'string' && EVENT_NAMES.has(value.name) && 'data' in value;
}

export function isPortMessage(value: unknown): value is PortMessage {
  if (!isRecord(value)) return false;
  return (typeof value.id === 'string' && isOutcome(value.outcome)) || isEvent(value.event);
}

export function isPageReplyEnvelope(value: unknown): value is PageReplyEnvelope {
  if (!isRecord(value) || value.target !== TO_PAGE) return false;
  return (typeof value.id === 'string' && isOutcome(value.outcome)) || isEvent(value.event);
}
