import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgParams } from '../../../contracts/common.ts';
import { PersonGrowth, SkillView } from '../../../contracts/growth.ts';
import { PersonParams } from '../../../contracts/people.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { getPersonGrowth } from './growth-profile.service.ts';
import { listSkills } from './skills.service.ts';

const tags = ['growth'];

export const growthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/skills',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The twelve leadership skills: definitions, the four levels, questions and Academy module',
          params: OrgParams,
          response: { 200: z.array(SkillView) },
        },
      },
      async () => listSkills(),
    );
    app.get(
      '/api/orgs/:org/people/:personId/growth',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A person’s skills: self and manager ratings side by side, gaps, 1:1 evidence and history',
          description:
            'For the person and their manager chain; anyone else, admins included, gets 404. Evidence figures come from the person’s own analysed 1:1s as leader and the next steps they own.',
          params: PersonParams,
          response: { 200: PersonGrowth },
        },
      },
      async (request) => getPersonGrowth(ctx.db, tenantOf(request), request.params.personId),
    );
  };
