import math

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict


class Request(BaseModel):
    model_config = ConfigDict(strict=True)  # "1.5" and true are not numbers: 422
    features: list[float]


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def create_app(weights, bias, threshold, version):
    """A FastAPI app serving a logistic regression: GET /health and POST /predict."""
    app = FastAPI()

    @app.get("/health")
    def health():
        return {"status": "ok", "version": version}

    @app.post("/predict")
    def predict(request: Request):
        if len(request.features) != len(weights):
            raise HTTPException(status_code=422, detail=f"expected {len(weights)} features, got {len(request.features)}")
        score = _sigmoid(math.fsum(w * v for w, v in zip(weights, request.features)) + bias)
        return {"score": score, "label": int(score >= threshold), "version": version}

    return app
