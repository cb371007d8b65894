import { Box, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { GLOSSARY, type Lang } from '../../../server/domain/glossary';
import { actorText, eventText, nextText } from '../../../server/domain/timeline-words';
import { formatDateTime, Section } from '../common';
import { useAppDataProvider } from '../providers/useAppDataProvider';

const DECISION_COLOR: Record<string, 'success' | 'warning' | 'error'> = {
  approve: 'success',
  return: 'warning',
  reject: 'error',
};

export const useTimeline = (id: RaRecord['id'] | undefined) => {
  const dataProvider = useAppDataProvider();
  return useQuery({
    queryKey: ['applications', 'timeline', id],
    queryFn: () => dataProvider.timeline(id!),
    enabled: id !== undefined,
  });
};

/** R14: every step so far with who and why, then where it waits now and what comes next. */
export const ApplicationTimeline = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang: Lang = locale === 'en' ? 'en' : 'zh-CN';
  const g = GLOSSARY[lang];
  const { data, isPending, error } = useTimeline(record?.id);
  return (
    <Section title="app.timeline.title">
      {isPending && (
        <Typography variant="body2" color="text.secondary">
          {translate('ra.page.loading')}
        </Typography>
      )}
      {error && (
        <Typography variant="body2" color="error">
          {(error as Error).message}
        </Typography>
      )}
      {data && (
        <>
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {data.entries.map((e, i) => (
              <Box
                component="li"
                key={i}
                data-event={e.event}
                sx={{ display: 'flex', gap: 2, pb: 1.5, position: 'relative' }}
              >
                <Box
                  sx={{
                    width: 10,
                    height: 10,
                    mt: 0.75,
                    borderRadius: '50%',
                    flexShrink: 0,
                    bgcolor: e.decision ? `${DECISION_COLOR[e.decision] ?? 'info'}.main` : 'grey.500',
                  }}
                />
                <Box sx={{ minWidth: 0 }}>
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="timeline-what">
                      {eventText(lang, e)}
                    </Typography>
                    {e.decision && (
                      <Chip
                        size="small"
                        label={g.decision[e.decision]}
                        color={DECISION_COLOR[e.decision] ?? 'default'}
                      />
                    )}
                    {e.payment && (
                      <Chip size="small" variant="outlined" label={g.paymentStatus[e.payment.status]} />
                    )}
                    {e.status && (
                      <Typography variant="caption" color="text.secondary">
                        → {g.status[e.status]}
                      </Typography>
                    )}
                  </Stack>
                  <Typography variant="caption" color="text.secondary" data-testid="timeline-by">
                    {formatDateTime(e.at)}
                    {` · ${actorText(lang, e.by)}`}
                  </Typography>
                  {e.comment && (
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                      {e.comment}
                    </Typography>
                  )}
                </Box>
              </Box>
            ))}
          </Box>
          {data.current && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('app.timeline.current', {
                label: g.reviewStep[data.current.step],
                holder: actorText(lang, data.current.holder),
                since: formatDateTime(data.current.since),
              })}
            </Typography>
          )}
          {data.next && !data.current && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('app.timeline.next', { next: nextText(lang, data.next) })}
            </Typography>
          )}
          {data.missing.length > 0 && (
            <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" color="warning.main">
                {translate('app.timeline.missing')}
              </Typography>
              {data.missing.map((m) => (
                <Chip
                  key={m}
                  size="small"
                  variant="outlined"
                  color="warning"
                  label={g.documentKind[m as keyof typeof g.documentKind] ?? m}
                />
              ))}
            </Stack>
          )}
        </>
      )}
    </Section>
  );
};
