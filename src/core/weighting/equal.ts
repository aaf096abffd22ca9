/** Equal weighting: weight 1 for every task that is on, whatever the sliders say. */
import { AssignedWeights, onMask } from './assignedWeights.ts';

export class EqualWeighting extends AssignedWeights {
  readonly setsOwnWeights = true;

  protected plainWeights(): number[] {
    return onMask(this.settings, this.context.kinds.length);
  }
}
