import type { RaRecord, TranslateFunction } from 'react-admin';
import { formatDateTime, getManyChunked, type ExportSpec } from '../common';

type Row = RaRecord & { refs?: Record<string, RaRecord | undefined> };

const FLAGS = ['isFrontline', 'isMigrant', 'isHardship', 'isKeyIndustry'] as const;

/**
 * The applications export: what a clerk puts in a report — names instead of ids, labels instead
 * of codes, the R10 flags as their own columns.
 */
export const applicationExport: ExportSpec<Row> = {
  prepare: async (rows, dp) => {
    const [workers, orgs, rounds, institutions] = await Promise.all([
      getManyChunked(
        dp,
        'workers',
        rows.map((r) => r.workerId),
      ),
      getManyChunked(
        dp,
        'organizations',
        rows.flatMap((r) => [r.organizationId, r.level2Id]),
      ),
      getManyChunked(
        dp,
        'rounds',
        rows.map((r) => r.roundId),
      ),
      getManyChunked(
        dp,
        'institutions',
        rows.map((r) => r.institutionId),
      ),
    ]);
    return rows.map((r) => ({
      ...r,
      refs: {
        worker: workers.get(r.workerId),
        org: orgs.get(r.organizationId),
        level2: orgs.get(r.level2Id),
        round: rounds.get(r.roundId),
        institution: institutions.get(r.institutionId),
      },
    }));
  },
  columns: (t: TranslateFunction) => {
    const f = (name: string) => t(`resources.applications.fields.${name}`);
    const en = (family: string, v: unknown) =>
      v === null || v === undefined || v === '' ? '' : t(`enums.${family}.${v}`, { _: String(v) });
    const yes = (v: unknown) =>
      v === undefined || v === null ? '' : t(v ? 'ra.boolean.true' : 'ra.boolean.false');
    return [
      { key: 'id', label: f('id') },
      {
        key: 'workerName',
        label: t('resources.workers.fields.name'),
        value: (r) => r.refs?.worker?.name ?? '',
      },
      {
        key: 'idNumberMasked',
        label: t('resources.workers.fields.idNumberMasked'),
        value: (r) => r.refs?.worker?.idNumberMasked ?? '',
      },
      ...FLAGS.map((flag) => ({
        key: flag,
        label: t(`resources.workers.fields.${flag}`),
        value: (r: Row) => yes(r.refs?.worker?.[flag]),
      })),
      { key: 'level2', label: f('level2Id'), value: (r) => r.refs?.level2?.name ?? '' },
      { key: 'organization', label: f('organizationId'), value: (r) => r.refs?.org?.name ?? '' },
      { key: 'round', label: f('roundId'), value: (r) => r.refs?.round?.name ?? '' },
      { key: 'institution', label: f('institutionId'), value: (r) => r.refs?.institution?.name ?? '' },
      {
        key: 'educationLevel',
        label: f('educationLevel'),
        value: (r) => en('educationLevel', r.educationLevel),
      },
      { key: 'major', label: f('major') },
      { key: 'studyMode', label: f('studyMode'), value: (r) => en('studyMode', r.studyMode) },
      { key: 'enrolledOn', label: f('enrolledOn') },
      { key: 'status', label: f('status'), value: (r) => en('applicationStatus', r.status) },
      { key: 'currentStep', label: f('currentStep'), value: (r) => en('reviewStep', r.currentStep) },
      { key: 'submittedAt', label: f('submittedAt'), value: (r) => formatDateTime(r.submittedAt) },
      { key: 'decidedAt', label: f('decidedAt'), value: (r) => formatDateTime(r.decidedAt) },
    ];
  },
};
