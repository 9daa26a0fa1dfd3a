"""The FastAPI peer for bench/http: FinHelm's two benchmarked routes, doing equivalent work.

GET /healthz answers {"status":"ok"}. POST /v1/diagnostics/echo validates the body against a
closed model with the same limits as FinHelm's EchoRequest schema (docs/openapi.json), parses
the amount exactly with decimal.Decimal, and returns it normalized to the currency's minor
units, as FinHelm's Money::Parse and Money::ToString do.

Handlers are async, FastAPI's fastest path (plain functions run on a thread pool).

Written for Debian 12's packages (FastAPI 0.92, pydantic 1.10, uvicorn 0.17); run by run.sh as
`python3 -m uvicorn fastapi_app:app --workers 2 ...`.
"""

from decimal import Decimal, InvalidOperation
from typing import Optional

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Extra, conlist, constr

# Minor-unit digits of the currencies the benchmark sends, ISO 4217; others default to 2.
MINOR_UNIT_DIGITS = {"USD": 2, "EUR": 2, "GBP": 2, "CAD": 2, "JPY": 0, "KWD": 3}


# The limits of EchoRequest and Amount in docs/openapi.json.
AmountValue = constr(min_length=1, max_length=32)
CurrencyCode = constr(regex=r"^[A-Z]{3}$")
Message = constr(min_length=1, max_length=4096)
Tags = conlist(constr(min_length=1, max_length=64), max_items=16)


class Amount(BaseModel):
    value: AmountValue
    currency: CurrencyCode

    class Config:
        extra = Extra.forbid


class EchoRequest(BaseModel):
    message: Message
    tags: Tags = []
    amount: Optional[Amount] = None

    class Config:
        extra = Extra.forbid


app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


def validation_problem(pointer: str, detail: str) -> JSONResponse:
    problem = {"title": "Unprocessable Content", "errors": [{"pointer": pointer, "detail": detail}]}
    return JSONResponse(status_code=422, content=problem)


def normalized_amount(amount: Amount) -> Optional[str]:
    """The amount in canonical form, or None when it is not exact in its currency."""
    try:
        value = Decimal(amount.value.strip().replace(",", ""))
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    digits = MINOR_UNIT_DIGITS.get(amount.currency, 2)
    quantum = Decimal(1).scaleb(-digits)
    try:
        exact = value.quantize(quantum)
    except InvalidOperation:
        return None
    if exact != value:
        return None
    return str(exact)


@app.get("/healthz")
async def healthz() -> dict:
    return {"status": "ok"}


@app.post("/v1/diagnostics/echo")
async def diagnostics_echo(body: EchoRequest):
    answer = {"message": body.message, "tags": body.tags}
    if body.amount is not None:
        value = normalized_amount(body.amount)
        if value is None:
            return validation_problem("/amount/value", "not an exact amount in this currency")
        answer["amount"] = {"value": value, "currency": body.amount.currency}
    return answer
