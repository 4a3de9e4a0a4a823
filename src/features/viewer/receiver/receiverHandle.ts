import type { ReceiverFeature } from '../../receiver/activate';

/** What the viewer needs from the built-in receiver feature: its store and source, and its state. */
export type ReceiverHandle = Pick<ReceiverFeature, 'store' | 'source' | 'state' | 'onDidChangeState'>;
