// y-protocols' sync message types: step 1 asks for the document; step 2 and update carry changes.
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Whether a sync message of this type carries changes to the document. */
export const carriesChanges = (type: number): boolean =>
  type === SYNC_STEP_2 || type === SYNC_UPDATE;
