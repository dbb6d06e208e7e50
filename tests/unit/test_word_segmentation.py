"""Word segmentation (issue 13, point 10): acronyms and numbers stay with their word in every
generated name: `listCoreV1NamespacedPod` -> `list_core_v1_namespaced_pod`, not `..._v_1_...`.

The table holds real operationIds of the shared corpus (the spec each comes from is named, and a
test checks that it is there) with the method name a user expects.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import SHARED_SPECS, needs_shared_specs
from sdkwright.ir.names import words
from sdkwright.targets.python.naming import (
    class_name,
    enum_member_name,
    field_name,
    method_name,
    module_name,
)
from sdkwright.targets.python.naming.definitions import field_names

DIGITALOCEAN = "digitalocean/specification"
# (spec file or folder under ../shared/specs, operationId, expected method name)
REAL_OPERATION_IDS = [
    (DIGITALOCEAN, "invoices_get_byUUID", "invoices_get_by_uuid"),
    (DIGITALOCEAN, "invoices_get_csvByUUID", "invoices_get_csv_by_uuid"),
    (DIGITALOCEAN, "invoices_get_pdfByUUID", "invoices_get_pdf_by_uuid"),
    (DIGITALOCEAN, "invoices_get_summaryByUUID", "invoices_get_summary_by_uuid"),
    (DIGITALOCEAN, "floatingIPsAction_get", "floating_ips_action_get"),
    (DIGITALOCEAN, "floatingIPsAction_list", "floating_ips_action_list"),
    (DIGITALOCEAN, "floatingIPsAction_post", "floating_ips_action_post"),
    (DIGITALOCEAN, "floatingIPs_create", "floating_ips_create"),
    (DIGITALOCEAN, "floatingIPs_delete", "floating_ips_delete"),
    (DIGITALOCEAN, "floatingIPs_get", "floating_ips_get"),
    (DIGITALOCEAN, "floatingIPs_list", "floating_ips_list"),
    (DIGITALOCEAN, "genai_create_oauth2_dropbox_tokens", "genai_create_oauth2_dropbox_tokens"),
    (DIGITALOCEAN, "genai_get_oauth2_dropbox_tokens", "genai_get_oauth2_dropbox_tokens"),
    (DIGITALOCEAN, "genai_get_oauth2_google_tokens", "genai_get_oauth2_google_tokens"),
    (DIGITALOCEAN, "genai_get_oauth2_url", "genai_get_oauth2_url"),
    (
        DIGITALOCEAN,
        "monitoring_get_appCPUPercentageMetrics",
        "monitoring_get_app_cpu_percentage_metrics",
    ),
    (DIGITALOCEAN, "monitoring_get_dropletLoad15Metrics", "monitoring_get_droplet_load15_metrics"),
    (DIGITALOCEAN, "monitoring_get_dropletLoad1Metrics", "monitoring_get_droplet_load1_metrics"),
    (DIGITALOCEAN, "monitoring_get_dropletLoad5Metrics", "monitoring_get_droplet_load5_metrics"),
    (
        DIGITALOCEAN,
        "monitoring_get_lb_droplets_http_response_time_50p",
        "monitoring_get_lb_droplets_http_response_time_50p",
    ),
    (
        DIGITALOCEAN,
        "monitoring_get_lb_droplets_http_response_time_95p",
        "monitoring_get_lb_droplets_http_response_time_95p",
    ),
    (
        DIGITALOCEAN,
        "monitoring_get_lb_droplets_http_response_time_99p",
        "monitoring_get_lb_droplets_http_response_time_99p",
    ),
    (
        DIGITALOCEAN,
        "monitoring_get_lb_droplets_http_session_duration_50p",
        "monitoring_get_lb_droplets_http_session_duration_50p",
    ),
    (
        DIGITALOCEAN,
        "monitoring_get_lb_droplets_http_session_duration_95p",
        "monitoring_get_lb_droplets_http_session_duration_95p",
    ),
    (DIGITALOCEAN, "registries_list_repositoriesV2", "registries_list_repositories_v2"),
    (DIGITALOCEAN, "registry_list_repositoriesV2", "registry_list_repositories_v2"),
    (DIGITALOCEAN, "reservedIPsActions_get", "reserved_ips_actions_get"),
    (DIGITALOCEAN, "reservedIPsActions_list", "reserved_ips_actions_list"),
    (DIGITALOCEAN, "reservedIPsActions_post", "reserved_ips_actions_post"),
    (DIGITALOCEAN, "reservedIPs_create", "reserved_ips_create"),
    (DIGITALOCEAN, "reservedIPs_delete", "reserved_ips_delete"),
    (DIGITALOCEAN, "reservedIPs_get", "reserved_ips_get"),
    (DIGITALOCEAN, "reservedIPs_list", "reserved_ips_list"),
    (DIGITALOCEAN, "reservedIPv6Actions_post", "reserved_ipv6_actions_post"),
    (DIGITALOCEAN, "reservedIPv6_create", "reserved_ipv6_create"),
    (DIGITALOCEAN, "reservedIPv6_delete", "reserved_ipv6_delete"),
    (DIGITALOCEAN, "reservedIPv6_get", "reserved_ipv6_get"),
    (DIGITALOCEAN, "reservedIPv6_list", "reserved_ipv6_list"),
    (DIGITALOCEAN, "oneClicks_install_kubernetes", "one_clicks_install_kubernetes"),
    ("oai-petstore-3.0.yaml", "showPetById", "show_pet_by_id"),
    ("oai-petstore-separate-2.0", "find pet by id", "find_pet_by_id"),
    ("swagger-petstore-3.0.yaml", "findPetsByStatus", "find_pets_by_status"),
    (
        "stripe-spec3.yaml",
        "GetAccountsAccountBankAccountsId",
        "get_accounts_account_bank_accounts_id",
    ),
    ("spotify-fixed-open-api.yml", "get-an-albums-tracks", "get_an_albums_tracks"),
    ("github-api.github.com-2020.json", "apps/get-authenticated", "apps_get_authenticated"),
    (
        "github-api.github.com-2020.json",
        "oauth-authorizations/get-or-create-authorization-for-app",
        "oauth_authorizations_get_or_create_authorization_for_app",
    ),
    ("clearstreet-trading-3.1.json", "get_account_by_id", "get_account_by_id"),
]


def test_the_table_holds_at_least_40_distinct_operation_ids() -> None:
    assert len({operation_id for _, operation_id, _ in REAL_OPERATION_IDS}) >= 40


@pytest.mark.parametrize(("spec", "operation_id", "expected"), REAL_OPERATION_IDS)
def test_a_real_operation_id_becomes_the_method_name_users_expect(
    spec: str, operation_id: str, expected: str
) -> None:
    assert method_name(operation_id) == expected


def _spec_texts(spec: str) -> str:
    path = SHARED_SPECS / spec
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.suffix in _SPEC_SUFFIXES)


_SPEC_SUFFIXES = (".json", ".yaml", ".yml")


@needs_shared_specs
def test_every_operation_id_of_the_table_is_in_its_spec() -> None:
    texts: dict[str, str] = {}
    missing = []
    for spec, operation_id, _ in REAL_OPERATION_IDS:
        text = texts.setdefault(spec, _spec_texts(spec))
        # `"operationId": "x"` (JSON) or `operationId: x` (YAML, quoted or not)
        declared = rf"""operationId["']?\s*:\s*["']?{re.escape(operation_id)}["']?\s*[,}}\n]"""
        if not re.search(declared, text):
            missing.append((spec, operation_id))
    assert missing == []


# The issue's own examples, and names of the other kinds (classes, modules, fields, enum members).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("listCoreV1NamespacedPod", ("list", "Core", "V1", "Namespaced", "Pod")),
        ("getOAuthClients", ("get", "OAuth", "Clients")),
        ("floatingIPs_list", ("floating", "IPs", "list")),
        ("HTTPServer", ("HTTP", "Server")),
        ("getUserID", ("get", "User", "ID")),
        ("listURLs", ("list", "URLs")),
        ("reservedIPv6", ("reserved", "IPv6")),
        ("oauth2_token", ("oauth2", "token")),
        ("UTF8String", ("UTF8", "String")),
        ("response_time_50p", ("response", "time", "50p")),
        ("2fa", ("2fa",)),
        # An uppercase run followed by a lowercase word still splits before its last capital.
        ("HTTPSettings", ("HTTP", "Settings")),
        ("STATUS", ("STATUS",)),
    ],
)
def test_acronyms_and_numbers_stay_with_their_word(text: str, expected: tuple[str, ...]) -> None:
    assert words(text) == expected


def test_every_kind_of_name_keeps_acronyms_and_numbers_whole() -> None:
    assert method_name("listCoreV1NamespacedPod") == "list_core_v1_namespaced_pod"
    assert method_name("getOAuthClients") == "get_oauth_clients"
    assert class_name("floatingIPs") == "FloatingIPs"
    assert class_name("reserved_ipv6 actions") == "ReservedIpv6Actions"
    assert class_name("getOAuthClients response") == "GetOAuthClientsResponse"
    assert module_name("FloatingIPsActionListResponse") == "floating_ips_action_list_response"
    assert field_name("address_line1") == "address_line1"  # its own name: no alias needed
    assert field_name("sha256") == "sha256"
    assert enum_member_name("v1") == "V1"
    assert enum_member_name("2nd-attempt") == "VALUE_2ND_ATTEMPT"


def test_a_leading_number_is_spelled_out_and_its_letters_kept() -> None:
    assert method_name("2fa_enable") == "two_fa_enable"
    assert class_name("3ds") == "ThreeDs"
    assert field_name("1st") == "one_st"


def test_names_that_now_meet_still_step_aside() -> None:
    """'ip_v4' and 'ipV4' were ip_v4 and ip_v_4; both are ip_v4 now: the second steps aside."""
    assert field_names(["ip_v4", "ipV4"]) == {"ip_v4": "ip_v4", "ipV4": "ip_v4_"}


def test_segmentation_is_deterministic_across_processes() -> None:
    """Same words in a fresh interpreter (no hash seed, cache or table order involved)."""
    names = [operation_id for _, operation_id, _ in REAL_OPERATION_IDS]
    script = (
        "import sys; from sdkwright.targets.python.naming import method_name; "
        "print('\\n'.join(method_name(n) for n in sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *names],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": "random"},
    )
    assert result.stdout.split("\n")[:-1] == [expected for _, _, expected in REAL_OPERATION_IDS]
