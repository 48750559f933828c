# Source: a PlantNet common-names generator script (queries Wikidata property P1843; found with
# find_string, index id 8433530614; the index did not return the repository name).
# Excerpt: extract_genus, query_wikidata_p1843 and the start of main(). Code unchanged.
# A DECOY-ONLY file: it must produce no finding.
# Classes: decoys (a SPARQL query — SELECT ?commonName WHERE { ... } — in an f-string: it starts
#          with SELECT but is not SQL; HTTP headers and the "query" form field; progress prints
#          such as "Found N species"; the "xml:lang" key passed to .get()).
import os
import requests
from typing import Optional

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"


def extract_genus(scientific_name: str) -> str:
    """Extract genus as fallback."""
    parts = scientific_name.split()
    return parts[0].capitalize() if parts else scientific_name


def query_wikidata_p1843(scientific_name: str) -> Optional[str]:
    """Query Wikidata for taxon common name using P1843."""
    try:
        # Query P1843 - get ALL results and filter for English
        query = f"""
        SELECT ?commonName WHERE {{
          ?item wdt:P225 "{scientific_name}".
          ?item wdt:P1843 ?commonName.
        }}
        """

        response = requests.post(
            WIKIDATA_SPARQL,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json"},
            timeout=10
        )

        if response.status_code == 200:
            data = response.json()
            results = data.get("results", {}).get("bindings", [])

            # Filter for English entries
            if results:
                for result in results:
                    common_name = result["commonName"]["value"]
                    lang = result["commonName"].get("xml:lang", "")

                    # Return first English result
                    if lang == "en" and common_name and common_name.strip():
                        return common_name

        return None

    except Exception as e:
        return None


def main():
    script_dir = os.path.dirname(os.path.abspath(__file__))
    species_json = os.path.join(script_dir, "models", "species_to_common_name.json")

    print("🌍 PlantNet Common Names Generator (Wikidata P1843)")
    print("=" * 60)
    print(f"\nInput:  {species_json}")

    # Check if input exists
    if not os.path.exists(species_json):
        print(f"❌ File not found: {species_json}")
        print("   Place plantnet300K_species_id_2_name.json in the meta/ folder")
        return
