// The latest finished co-operative run and its proposals, shared by the referrals queue and the match view.
import { api } from './api.js';

const REVIEWABLE = ['FINISHED', 'STOPPED'];

/** {run, byChild: Map(childId -> proposal)} for the newest run with proposals, or null when there is none. */
export async function latestProposals() {
  const runs = await api.get('/api/matching/runs');
  const run = (runs || []).find(r => REVIEWABLE.includes(r.status));
  if (!run) return null;
  const proposals = await api.get('/api/matching/runs/' + run.runId + '/proposals');
  return { run, byChild: new Map(proposals.map(p => [p.childId, p])) };
}
