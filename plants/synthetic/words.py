"""The words synthetic profiles are made of: names, prose, garden uses and conservation ranks.

Plain lists (plants/synthetic/generator.py draws from them with its seeded
random generator, so changing one changes what a seed makes).
"""


def _words(text: str) -> list[str]:
    return text.split()


# Order -> families, as USDA PLANTS places them (Magnoliopsida unless noted).
FAMILIES = {
    "Saxifragales": ["Saxifragaceae", "Crassulaceae", "Grossulariaceae"],
    "Asterales": ["Asteraceae", "Campanulaceae"],
    "Rosales": ["Rosaceae", "Rhamnaceae", "Elaeagnaceae"],
    "Fabales": ["Fabaceae", "Polygalaceae"],
    "Lamiales": ["Lamiaceae", "Plantaginaceae", "Verbenaceae", "Oleaceae", "Orobanchaceae"],
    "Caryophyllales": ["Caryophyllaceae", "Polygonaceae", "Cactaceae", "Amaranthaceae", "Nyctaginaceae"],
    "Ericales": ["Ericaceae", "Primulaceae", "Polemoniaceae"],
    "Ranunculales": ["Ranunculaceae", "Papaveraceae", "Berberidaceae"],
    "Malvales": ["Malvaceae", "Cistaceae"],
    "Solanales": ["Solanaceae", "Convolvulaceae"],
    "Boraginales": ["Boraginaceae", "Hydrophyllaceae"],
    "Gentianales": ["Apocynaceae", "Gentianaceae", "Rubiaceae"],
    "Apiales": ["Apiaceae", "Araliaceae"],
    "Brassicales": ["Brassicaceae", "Capparaceae"],
    "Fagales": ["Fagaceae", "Betulaceae", "Juglandaceae"],
    "Sapindales": ["Sapindaceae", "Anacardiaceae", "Rutaceae"],
    "Myrtales": ["Onagraceae", "Lythraceae"],
    "Malpighiales": ["Salicaceae", "Violaceae", "Euphorbiaceae", "Hypericaceae"],
    "Cornales": ["Cornaceae", "Hydrangeaceae", "Loasaceae"],
    "Dipsacales": ["Caprifoliaceae", "Adoxaceae"],
    "Geraniales": ["Geraniaceae"],
}

SYLLABLES = _words(
    "ab ac al am an ar as be ca ce ci co da de di do el er fa fe ga ge la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi"
)
EPITHETS = _words(
    "alba americana angustifolia arida borealis californica canadensis cordata densa divaricata "
    "elegans floribunda fremontii glabra glauca gracilis grandiflora hirsuta humilis lanceolata "
    "latifolia longifolia macrophylla minor montana nana nevadensis nuttallii occidentalis ovata "
    "parviflora parvifolia pauciflora pilosa procumbens pubescens pulchella pumila purpurea ramosa "
    "repens rigida rosea rubra rupestris sessilifolia speciosa stricta tenuis texana tomentosa "
    "uniflora utahensis variabilis villosa virginiana viridis"
)
VARIETY_EPITHETS = _words("microcarpa minor major glabrata pallida robusta alpina typica nivea compacta")
COMMON_WORDS = _words(
    "Alumroot Aster Beardtongue Bluebell Buckwheat Checkermallow Cinquefoil Coneflower Fleabane "
    "Globemallow Goldenrod Lupine Milkvetch Paintbrush Penstemon Phlox Sage Sandwort Stonecrop "
    "Sunflower Violet Wild-rye Yarrow Currant Ceanothus Manzanita Sumac Willow Oak"
)
COMMON_PREFIXES = _words(
    "Littleleaf Desert Mountain Prairie Canyon Rocky Scarlet Golden Silver Dwarf Western Meadow "
    "Woolly Showy Sticky Hairy Sand Foothill Alpine Plains"
)
GARDEN_USES = [
    "Rock garden",
    "Native plant garden",
    "Alpine planting",
    "Xeriscape",
    "Ground cover",
    "Pollinator garden",
    "Rain garden",
    "Woodland garden",
    "Meadow",
    "Container",
    "Hedgerow",
    "Erosion control",
]
WILDLIFE = [
    "Small native bees",
    "Bumblebees",
    "Butterflies",
    "Hummingbirds",
    "Songbirds",
    "Moths",
    "Small mammals",
]
SENTENCES = [
    "It grows in rocky places, on ledges and in crevices where water drains away quickly.",
    "Small flowers rise above a low mound of leaves from late spring into summer.",
    "Once established it needs little water and no fertiliser.",
    "Plant it where it gets morning sun and some shelter from the hottest afternoons.",
    "Seed germinates best after a cold, moist winter outdoors.",
    "Bees visit the flowers through the summer; birds take the seed in autumn.",
    "Cut back old flower stems after they fade to keep the plant tidy.",
    "It spreads slowly by short rhizomes and can be divided in early spring.",
    "Avoid heavy clay that stays wet in winter, which rots the crown.",
    "The leaves turn red or bronze in cold weather and stay on through winter.",
]
# Endings of invented genus names, and the authorities of invented species and varieties.
GENUS_ENDINGS = ["ia", "a", "um", "is", "ella"]
SPECIES_AUTHORITIES = ["Nutt.", "A. Gray", "Torr.", "(Pursh) DC.", "Greene"]
VARIETY_AUTHORITY = "Rydb."
# "... a native plant for dry gardens"
GARDEN_KINDS = ["dry", "rocky", "sunny", "shady", "wild"]
SOILS = ["Well-drained, rocky or gravelly soil.", "Sandy loam.", "Moist, rich soil."]
# Mostly secure ranks, with a rare tail, as in the real flora.
GLOBAL_RANKS = ["G5"] * 24 + ["G4"] * 6 + ["G4G5", "G3", "G3?", "G2G3", "G2", "G1", "GNR", "GU"]
STATE_RANKS = ["S5"] * 30 + ["S4"] * 15 + ["S3", "S2", "S1", "S3S4", "SNR", "S2B,S4N", "SU"]
T_RANKS = ["5"] * 5 + ["4"] * 3 + ["3", "2", "1", "2T3"]
