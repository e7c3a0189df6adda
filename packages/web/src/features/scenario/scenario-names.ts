import type { Scenario } from '@palliamonitor/model';
import type { I18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';

// The built-in scenarios' names and descriptions in the interface language; a saved scenario keeps
// the name its author gave it.

const BUILT_IN: Readonly<Record<string, { name: MessageKey; description: MessageKey }>> = {
  baseline: { name: 'scenario.name.baseline', description: 'scenario.desc.baseline' },
  'community-central': { name: 'scenario.name.community', description: 'scenario.desc.community' },
  'individual-central': {
    name: 'scenario.name.individual',
    description: 'scenario.desc.individual',
  },
  'professional-central': {
    name: 'scenario.name.professional',
    description: 'scenario.desc.professional',
  },
};

export function scenarioName(scenario: Scenario, t: I18n['t']): string {
  const keys = BUILT_IN[scenario.id];
  return keys === undefined ? scenario.name : t(keys.name);
}

export function scenarioDescription(scenario: Scenario, t: I18n['t']): string {
  const keys = BUILT_IN[scenario.id];
  return keys === undefined ? scenario.description : t(keys.description);
}
