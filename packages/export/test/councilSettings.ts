import type { CouncilSettings } from "../src/CouncilSettings.js";

/** A made-up council's settings, with made-up contacts (the 01632 96x numbers are for drama). */
export const NORTHSHIRE_SETTINGS: CouncilSettings = {
  name: "Northshire Council",
  senTeam: {
    name: "Northshire SEN Team",
    email: "sen.team@northshire.example.gov.uk",
    phone: "01632 960 100",
  },
  sendiass: {
    name: "Northshire SENDIASS",
    phone: "01632 960 123",
    email: "sendiass@northshire.example.org",
    website: "https://sendiass.northshire.example.org/",
  },
  mediation: { name: "Dales Mediation Service", phone: "01632 960 456" },
};
