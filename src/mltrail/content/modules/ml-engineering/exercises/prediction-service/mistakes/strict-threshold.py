# Mistake: gives label 1 only when score > threshold, so a score equal to the threshold gets 0.
import math

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict


class Request(BaseModel):
    model_config = ConfigDict(strict=True)  # "1.5" and true are not numbers: 422
    features: list[float]


def create_app(weights, bias, threshold, version):
    app = FastAPI()

    @app.get("/health")
    def health():
        return {"status": "ok", "version": version}

    @app.post("/predict")
    def predict(request: Request):
        if len(request.features) != len(weights):
            raise HTTPException(status_code=422, detail="wrong number of features")
        score = 1.0 / (1.0 + math.exp(-(sum(w * v for w, v in zip(weights, request.features)) + bias)))
        return {"score": score, "label": int(score > threshold), "version": version}

    return app
