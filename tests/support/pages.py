"""The public pages tests visit one by one (the alumroot fixture loaded)."""

PUBLIC_PAGES = [
    "/",
    "/plants/",
    "/plants/?zone=5&light=full_sun",
    "/plants/littleleaf-alumroot/",
    "/taxa/",
    "/taxa/heuchera/",
]
