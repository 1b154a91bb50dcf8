import {
  CLASS_IMAGE_PAIRS,
  CLASSES,
  OPERATORS,
  PROVINCES,
  STATIONS,
  classInsideImageUrl,
  operatorById,
  stationSlug,
} from '../catalog/seed-data';
import { DEPARTURE_PLANS } from '../trips/departure-plan';
import { stationJson } from '../trips/trip-view';

/** `GET /__sandbox/catalog` (docs/upstream-12go.md#admin-api): the seed catalogue for the BFF's local reference data (pure). */

const offsetText = (h: number): string => `${h >= 0 ? '+' : '-'}${String(Math.abs(h)).padStart(2, '0')}:00`;

export function buildCatalog() {
  const stationVehicles = new Map<number, Set<string>>();
  const operatorVehicles = new Map<number, Set<string>>();
  const note = (map: Map<number, Set<string>>, id: number, v: string) =>
    map.set(id, (map.get(id) ?? new Set()).add(v));
  for (const plan of DEPARTURE_PLANS) {
    for (const s of plan.seed.segments) {
      if (s.type !== 'route') continue;
      const vehicle = operatorById.get(s.operatorId)?.vehicle ?? 'bus';
      note(stationVehicles, s.from, vehicle);
      note(stationVehicles, s.to, vehicle);
      note(operatorVehicles, s.operatorId, vehicle);
    }
  }
  return {
    provinces: PROVINCES.map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      time_zone: p.timeZone,
      utc_offset: offsetText(p.utcOffsetHours),
      station_ids: STATIONS.filter((s) => s.provinceId === p.id).map((s) => s.id),
    })),
    stations: STATIONS.map((s) => {
      const province = PROVINCES.find((p) => p.id === s.provinceId);
      return {
        ...stationJson(s.id),
        province_name: province?.name ?? '',
        country: province?.country ?? '',
        time_zone: province?.timeZone ?? '',
        vehclasses: [...(stationVehicles.get(s.id) ?? [])],
      };
    }),
    operators: OPERATORS.map((o) => ({
      id: o.id,
      name: o.name,
      slug: stationSlug(o.name),
      logo: [`https://cdn5.12go.asia/static/images/operator/${o.id}/logo.png`],
      vehclass: o.vehicle,
      vehclasses: [...(operatorVehicles.get(o.id) ?? [o.vehicle])],
      seller_id: o.sellerId,
      rating: o.rating,
      rating_count: o.ratingCount,
    })),
    classes: CLASSES.map((c) => ({
      id: c.id,
      name: c.name,
      is_multi_pax: false,
      capacity: c.capacity,
      amenities: c.amenities,
      ticket_type: c.ticketType,
    })),
    class_images: CLASS_IMAGE_PAIRS.map(([operatorId, classId]) => ({
      operator_id: operatorId,
      class_id: classId,
      type: 'TYPE_CLASS_INSIDE',
      url: classInsideImageUrl(operatorId, classId),
      width: 1200,
      height: 800,
    })),
    routes: DEPARTURE_PLANS.map((p) => ({
      route_id: p.seed.routeId,
      trip_key: p.tripKey,
      from: p.from,
      to: p.to,
      departure: p.time,
      duration: p.durationMin,
      operators: p.operators.map((o) => o.id),
      class: p.firstClass.id,
      vehclasses: p.vehicles,
      connection: !!p.seed.connection,
      scenario: p.scenario ?? null,
    })),
  };
}
