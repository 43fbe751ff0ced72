// <clinic-manage booking-id="..."></clinic-manage>: managing a booking; the token is read from
// the page's URL fragment (#token=...), which browsers never send to a server.
import { ManageApp, manageToken } from './manage-app.jsx';
import { defineJourney } from './element.jsx';

defineJourney('clinic-manage', (api, settings, host) => (
  <ManageApp api={api} settings={settings} bookingId={host.getAttribute('booking-id')} token={manageToken(location.hash)} />
));
