/** Manual weighting: the person's weight per task (0 for a task that is off). */
import { AssignedWeights, onMask } from './assignedWeights.ts';

export class ManualWeighting extends AssignedWeights {
  readonly setsOwnWeights = false;

  protected plainWeights(): number[] {
    return onMask(this.settings, this.context.kinds.length).map((on, k) => on * (this.settings.weights[k] ?? 1));
  }
}
