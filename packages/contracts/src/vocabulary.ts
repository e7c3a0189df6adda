// The API's closed lists of words, as plain values without TypeBox, so the web app can show them
// (a filter's options, a legend) without bringing the schemas into its bundle.

export const HOSPICE_TYPES = ['bth', 'hch', 'nursing-home-unit', 'hospital-unit', 'other'] as const;
export type HospiceType = (typeof HOSPICE_TYPES)[number];
export const CARE_MODELS = ['formal-care-with-stay', 'stay-with-informal-care'] as const;
export const FUNDING_FORMS = ['wlz', 'zvw', 'subsidy-ptz', 'donations', 'other'] as const;
export const UMBRELLAS = ['ahzn', 'vptz', 'actiz'] as const;
