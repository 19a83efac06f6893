// Types of syncValidators.generated.js (scripts/syncValidators.mts): each answers whether a
// value is valid for the protocol schema of its name.
type Validate = (value: unknown) => boolean;
export declare const validateSyncResponse: Validate;
export declare const validateBrandSnapshot: Validate;
export declare const validateOwnSnapshot: Validate;
