import { Module } from '@nestjs/common';
import { SeatClassImageStore } from './seat-class-image.store';

/** Seat-class photos of the catalogue, written by static data and joined by search and GetItinerary. */
@Module({ providers: [SeatClassImageStore], exports: [SeatClassImageStore] })
export class SeatClassImagesModule {}
