// <clinic-booking service="..." location="..."></clinic-booking>: the booking journey, on the
// app's own /book page or embedded in a clinic's site.
import { BookingApp } from './booking-app.jsx';
import { defineJourney } from './element.jsx';

defineJourney('clinic-booking', (api, settings, host) => (
  <BookingApp api={api} settings={settings}
    preset={{ service: host.getAttribute('service') ?? new URLSearchParams(location.search).get('service'), location: host.getAttribute('location') ?? new URLSearchParams(location.search).get('location') }} />
));
