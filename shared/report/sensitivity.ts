/** How much the weights, and then the ratings, would have to change to change the answer. */
import { CONFIDENCE_RULE } from '../decision';
import type { WorkshopResult } from '../workshop';
import type { Block, Section } from './blocks';
import type { VerdictFacts } from './verdict';

export function sensitivitySection(result: WorkshopResult, facts: VerdictFacts): Section {
  const flips = result.evaluation.flips.filter((f) => f.weight !== null);
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `How much would the weights have to change to change the answer? Each line moves one criterion’s weight, sharing the difference among the others in proportion, and says where another stack would take the lead. Each threshold is rounded toward the side where its sentence stays true.${facts.noVotes ? ` No one has voted, so these start from ${facts.basis}.` : ''}`,
    },
  ];
  // The most sensitive point is told once, in its callout; the list holds the others.
  if (facts.closestFlip)
    blocks.push({ kind: 'callout', title: 'Most sensitive point', text: facts.closestFlip });
  const others = flips.filter((f) => f.sentence !== facts.closestFlip);
  if (flips.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No change to a single criterion’s weight, however large, would change the leader.',
    });
  } else if (others.length > 0) {
    blocks.push({ kind: 'bullets', items: others.map((f) => f.sentence) });
  }
  if (facts.ratingFlip) {
    blocks.push({ kind: 'subheading', text: 'Beyond the weights: the ratings' });
    blocks.push({
      kind: 'paragraph',
      text: `The smallest change of ratings, in whole points on the 1 to 5 scale with the weights as they are, that puts another stack ahead: ${facts.ratingFlip}`,
    });
  }
  blocks.push({ kind: 'paragraph', tone: 'muted', text: `How confidence is decided. ${CONFIDENCE_RULE}` });
  return { id: 'sensitivity', title: 'Sensitivity', blocks };
}
