import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyView, type ResourceConfig } from '../common';

export const agencyAgreements: ResourceConfig = {
  list: lazyView(() => import('./AgencyAgreementList'), 'AgencyAgreementList'),
  create: lazyView(() => import('./AgencyAgreementCreate'), 'AgencyAgreementCreate'),
  edit: lazyView(() => import('./AgencyAgreementEdit'), 'AgencyAgreementEdit'),
  icon: HandshakeIcon,
  recordRepresentation: 'agreementNo',
};
