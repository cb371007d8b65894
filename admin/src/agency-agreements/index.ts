import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyView, type ResourceConfig } from '../common';

export const agencyAgreements: ResourceConfig = {
  list: lazyView(() => import('./AgencyAgreementList'), 'AgencyAgreementList'),
  icon: HandshakeIcon,
  recordRepresentation: 'agreementNo',
};
