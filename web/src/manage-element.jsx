// <clinic-manage booking-id="..."></clinic-manage>: managing a booking; the token is read from
// the page's URL fragment (#token=...), which browsers never send to a server. Without the
// attribute, the booking id is the last segment of the page's path (/manage/{id}), so a clinic's
// own manage page needs only the element.
import { ManageApp, manageToken } from './manage-app.jsx';
import { defineJourney } from './element.jsx';

defineJourney('clinic-manage', (api, settings, host) => (
  <ManageApp api={api} settings={settings} bookingId={host.getAttribute('booking-id') ?? location.pathname.split('/').filter(Boolean).pop()} token={manageToken(location.hash)} />
));
