import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AcademyCatalogue,
  CertificateParams,
  CertificateStatus,
  CertificateVerification,
  ModuleDetail,
  ModuleParams,
  ModuleProgress,
  QuizInput,
  QuizResult,
} from '../../../contracts/academy.ts';
import { OrgParams } from '../../../contracts/common.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as catalogue from './catalogue.service.ts';
import * as certificates from './certificates.service.ts';

const tags = ['leader academy'];

export const academyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/academy/modules',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The Academy’s modules in program order, with my progress on each',
          description:
            'A module is complete when its lesson is read, its quiz passed, a practice finished and its assignment met in a real 1:1. Pending assignments are checked against the 1:1s analysed since.',
          params: OrgParams,
          response: { 200: AcademyCatalogue },
        },
      },
      async (request) => catalogue.listModules(ctx.db, tenantOf(request)),
    );
    app.get(
      '/api/orgs/:org/academy/modules/:moduleId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary:
            'A module: lesson, worked example, objectives, quiz (without answers), practice and assignment',
          params: ModuleParams,
          response: { 200: ModuleDetail },
        },
      },
      async (request) => catalogue.getModule(ctx.db, tenantOf(request), request.params.moduleId),
    );
    app.post(
      '/api/orgs/:org/academy/modules/:moduleId/lesson/read',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Mark the lesson read',
          params: ModuleParams,
          response: { 200: ModuleProgress },
        },
      },
      async (request) => catalogue.markLessonRead(ctx.db, tenantOf(request), request.params.moduleId),
    );
    app.post(
      '/api/orgs/:org/academy/modules/:moduleId/quiz',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Submit the quiz: right or wrong per question, with explanations',
          description: 'One option index per question, in order. Passed at 80%; the best score is kept.',
          params: ModuleParams,
          body: QuizInput,
          response: { 200: QuizResult },
        },
      },
      async (request) =>
        catalogue.submitQuiz(ctx.db, tenantOf(request), request.params.moduleId, request.body.answers),
    );
    app.post(
      '/api/orgs/:org/academy/modules/:moduleId/assignment/start',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Start the assignment: my next analysed 1:1 as the leader will be checked against it',
          description:
            'Pending from now. The first 1:1 I lead that starts later and is analysed (transcript, or notes when they can measure every check) decides it, with each check’s figure. A met assignment answers 409; a missed one can be started again.',
          params: ModuleParams,
          response: { 200: ModuleProgress },
        },
      },
      async (request) => catalogue.startModuleAssignment(ctx.db, tenantOf(request), request.params.moduleId),
    );
    app.get(
      '/api/orgs/:org/academy/certificate',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My Academy certificate, or the modules still to complete',
          params: OrgParams,
          response: { 200: CertificateStatus },
        },
      },
      async (request) => certificates.getCertificateStatus(ctx.db, tenantOf(request)),
    );
    app.get(
      '/api/certificates/:certificateId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Verify a certificate by its code: name, organization, date and validity only',
          params: CertificateParams,
          response: { 200: CertificateVerification },
        },
      },
      async (request) => certificates.verifyCertificate(ctx.db, request.params.certificateId),
    );
  };
