"""The public pages tests visit one by one (the alumroot fixture loaded)."""

PUBLIC_PAGES = [
    "/",
    "/plants/",
    "/plants/?zone=5&light=full_sun",
    "/plants/?zip=80302",
    "/plants/littleleaf-alumroot/",
    "/plants/littleleaf-alumroot/?zip=80302",
    "/taxa/",
    "/taxa/heuchera/",
    "/list/?plants=HEPAM2",
]
