import type { SkippedItem } from '../../../core/formats/parseResult';
import type { Trace } from '../../../core/model/trace';
import type { FileTraceSource } from '../../../core/sources/fileSource';
import { AdaptedSource } from './adaptedSource';

/** An opened trace file: its traces are listed under it in the Sources view. */
export class FileSource extends AdaptedSource {
  constructor(
    readonly files: FileTraceSource,
    id: string,
    label: string,
    /** Where the file is, for the tooltip. */
    readonly location: string,
    onStateChange: () => void,
  ) {
    super(files, {
      id,
      label,
      ignoreLookback: true,
      detail: () => {
        const count = files.traces.length;
        const skipped = files.skipped.length > 0 ? `, ${files.skipped.length} skipped` : '';
        return `${count} trace${count === 1 ? '' : 's'}${skipped}`;
      },
      onStateChange,
    });
  }

  get traces(): readonly Trace[] {
    return this.files.traces;
  }

  get skipped(): readonly SkippedItem[] {
    return this.files.skipped;
  }

  /** The skipped items as notes for the results ("orders.json: line 3: not valid JSON …"). */
  notes(): string[] {
    return this.skipped.map((item) => `${item.source}: ${item.reason}`);
  }
}
